//! The seeded catalogue: 8 categories × 16 products, generated deterministically so every
//! machine, test and screenshot sees the same store.

use crate::commerce::Currency;

pub const CURRENCY: Currency = Currency::USD;
pub const PRODUCTS_PER_CATEGORY: usize = 16;

pub struct Colour {
    pub name: &'static str,
    pub hex: &'static str,
}

pub const PALETTE: &[Colour] = &[
    Colour {
        name: "Ink",
        hex: "#1f2a44",
    },
    Colour {
        name: "Sand",
        hex: "#d8c3a5",
    },
    Colour {
        name: "Clay",
        hex: "#b5543c",
    },
    Colour {
        name: "Sage",
        hex: "#8a9a5b",
    },
    Colour {
        name: "Ocean",
        hex: "#2e6f95",
    },
    Colour {
        name: "Bone",
        hex: "#ece6da",
    },
    Colour {
        name: "Charcoal",
        hex: "#3b3b3b",
    },
    Colour {
        name: "Mustard",
        hex: "#d4a017",
    },
    Colour {
        name: "Forest",
        hex: "#2f4f3a",
    },
    Colour {
        name: "Blush",
        hex: "#e8b4b8",
    },
    Colour {
        name: "Brass",
        hex: "#b08d57",
    },
    Colour {
        name: "Terracotta",
        hex: "#c8693f",
    },
];

pub fn colour(name: &str) -> Option<&'static Colour> {
    PALETTE.iter().find(|c| c.name.eq_ignore_ascii_case(name))
}

/// How a category's products vary.
pub enum Options {
    SizeAndColour(&'static [&'static str]),
    Colour,
    /// Sizes with a price multiplier in percent; colour fixed per product.
    PricedSize(&'static [(&'static str, i64)]),
}

pub struct CategorySpec {
    pub handle: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// Which drawing the product art uses.
    pub art: &'static str,
    pub nouns: &'static [&'static str],
    pub adjectives: &'static [&'static str],
    pub material: &'static [&'static str],
    /// Price range in whole dollars.
    pub price: (i64, i64),
    pub options: Options,
}

const APPAREL: &[&str] = &["XS", "S", "M", "L", "XL"];
const SHOE: &[&str] = &["6", "7", "8", "9", "10", "11", "12"];

pub const CATEGORIES: &[CategorySpec] = &[
    CategorySpec {
        handle: "t-shirts",
        name: "T-shirts",
        description: "Heavyweight cotton tees cut to keep their shape wash after wash.",
        art: "tee",
        nouns: &[
            "Crew Tee",
            "Pocket Tee",
            "Boxy Tee",
            "Ringer Tee",
            "Henley",
            "Raglan Tee",
            "V-Neck Tee",
            "Long-Sleeve Tee",
        ],
        adjectives: &[
            "Everyday",
            "Heavyweight",
            "Organic",
            "Washed",
            "Slub",
            "Garment-Dyed",
            "Supima",
            "Relaxed",
            "Essential",
            "Vintage",
            "Breton",
            "Trail",
            "Studio",
            "Weekend",
            "Harbour",
            "Field",
        ],
        material: &[
            "organic cotton jersey",
            "220 gsm combed cotton",
            "a cotton-hemp blend",
            "recycled cotton slub",
        ],
        price: (18, 48),
        options: Options::SizeAndColour(APPAREL),
    },
    CategorySpec {
        handle: "knitwear",
        name: "Knitwear",
        description: "Merino, lambswool and cotton knits for cold mornings and long evenings.",
        art: "knit",
        nouns: &[
            "Crewneck",
            "Cardigan",
            "Roll Neck",
            "Quarter Zip",
            "Fisherman Sweater",
            "Vest",
            "Hoodie",
            "Polo Knit",
        ],
        adjectives: &[
            "Merino",
            "Lambswool",
            "Cable",
            "Chunky",
            "Fine-Gauge",
            "Shetland",
            "Ribbed",
            "Brushed",
            "Alpine",
            "Coastal",
            "Cottage",
            "Highland",
            "Harvest",
            "Nordic",
            "Soft",
            "Waffle",
        ],
        material: &[
            "extra-fine merino",
            "Shetland lambswool",
            "organic cotton cable knit",
            "a recycled wool blend",
        ],
        price: (55, 160),
        options: Options::SizeAndColour(APPAREL),
    },
    CategorySpec {
        handle: "sneakers",
        name: "Sneakers",
        description: "Low-tops, runners and court shoes on cushioned, resoleable soles.",
        art: "sneaker",
        nouns: &[
            "Runner",
            "Court Low",
            "Trainer",
            "High-Top",
            "Slip-On",
            "Trail Shoe",
            "Racer",
            "Canvas Low",
        ],
        adjectives: &[
            "Cloud", "Classic", "Tempo", "Metro", "Summit", "Drift", "Pace", "Arc", "Glide",
            "Vector", "Orbit", "Stride", "Loop", "Swift", "Crest", "Ridge",
        ],
        material: &[
            "full-grain leather",
            "recycled knit mesh",
            "waxed canvas",
            "suede with a rubber cupsole",
        ],
        price: (70, 190),
        options: Options::SizeAndColour(SHOE),
    },
    CategorySpec {
        handle: "bags",
        name: "Bags",
        description: "Totes, backpacks and pouches that carry a laptop and a day's errands.",
        art: "bag",
        nouns: &[
            "Tote",
            "Backpack",
            "Weekender",
            "Crossbody",
            "Sling",
            "Market Bag",
            "Messenger",
            "Pouch",
        ],
        adjectives: &[
            "Canvas",
            "Waxed",
            "Roll-Top",
            "Commuter",
            "Daily",
            "Utility",
            "Traveller",
            "Mini",
            "Oversized",
            "Leather",
            "Ripstop",
            "Foldaway",
            "Harbour",
            "City",
            "Studio",
            "Field",
        ],
        material: &[
            "waxed cotton canvas",
            "vegetable-tanned leather",
            "recycled ripstop nylon",
            "heavy cotton duck",
        ],
        price: (35, 240),
        options: Options::Colour,
    },
    CategorySpec {
        handle: "kitchen",
        name: "Mugs & Kitchen",
        description: "Stoneware mugs, bowls and pourers made in small batches.",
        art: "mug",
        nouns: &[
            "Mug",
            "Espresso Cup",
            "Tumbler",
            "Latte Bowl",
            "Teapot",
            "Pour-Over",
            "Carafe",
            "Pitcher",
        ],
        adjectives: &[
            "Stoneware",
            "Speckled",
            "Glazed",
            "Hand-Thrown",
            "Morning",
            "Diner",
            "Camp",
            "Studio",
            "Reactive",
            "Stacking",
            "Matte",
            "Ridge",
            "Pebble",
            "Sunday",
            "Tall",
            "Low",
        ],
        material: &[
            "speckled stoneware",
            "porcelain with a reactive glaze",
            "enamelled steel",
            "borosilicate glass",
        ],
        price: (12, 64),
        options: Options::Colour,
    },
    CategorySpec {
        handle: "lighting",
        name: "Lighting",
        description: "Table, floor and pendant lamps with warm, dimmable light.",
        art: "lamp",
        nouns: &[
            "Table Lamp",
            "Desk Lamp",
            "Floor Lamp",
            "Pendant",
            "Wall Light",
            "Lantern",
            "Reading Light",
            "Bedside Lamp",
        ],
        adjectives: &[
            "Dome",
            "Globe",
            "Arc",
            "Bauhaus",
            "Pleated",
            "Mushroom",
            "Cone",
            "Tripod",
            "Swing-Arm",
            "Opal",
            "Halo",
            "Beam",
            "Column",
            "Prism",
            "Lumen",
            "Dusk",
        ],
        material: &[
            "spun aluminium",
            "hand-pleated linen",
            "brushed brass",
            "mouth-blown opal glass",
        ],
        price: (45, 280),
        options: Options::Colour,
    },
    CategorySpec {
        handle: "plants",
        name: "Plants & Pots",
        description: "Easy-care houseplants in glazed pots, delivered ready to place.",
        art: "plant",
        nouns: &[
            "Monstera",
            "Snake Plant",
            "Fiddle Leaf Fig",
            "Pothos",
            "Olive Tree",
            "ZZ Plant",
            "Rubber Plant",
            "Calathea",
        ],
        adjectives: &[
            "Potted",
            "Variegated",
            "Trailing",
            "Compact",
            "Tall",
            "Bushy",
            "Desk",
            "Window",
            "Marble",
            "Golden",
            "Dwarf",
            "Grand",
            "Little",
            "Jungle",
            "Glossy",
            "Silver",
        ],
        material: &[
            "a glazed ceramic pot",
            "a terracotta pot with saucer",
            "a recycled-plastic self-watering pot",
            "a concrete planter",
        ],
        price: (15, 70),
        options: Options::PricedSize(&[("Small", 100), ("Medium", 160), ("Large", 240)]),
    },
    CategorySpec {
        handle: "audio",
        name: "Audio",
        description: "Headphones and speakers tuned for long, fatigue-free listening.",
        art: "headphones",
        nouns: &[
            "Headphones",
            "Over-Ear",
            "On-Ear",
            "Studio Monitors",
            "Wireless Cans",
            "DJ Headphones",
            "Travel Headphones",
            "Open-Back",
        ],
        adjectives: &[
            "Noise-Cancelling",
            "Studio",
            "Wireless",
            "Foldable",
            "Reference",
            "Bass",
            "Hi-Fi",
            "Lightweight",
            "Pro",
            "Everyday",
            "Retro",
            "Commuter",
            "Quiet",
            "Deep",
            "Clear",
            "Pure",
        ],
        material: &[
            "memory-foam cushions and an aluminium band",
            "40 mm beryllium drivers",
            "protein-leather pads",
            "a steel-reinforced headband",
        ],
        price: (49, 349),
        options: Options::Colour,
    },
];

pub const BRANDS: &[&str] = &[
    "Northwind",
    "Loam & Linen",
    "Kestrel",
    "Field Studio",
    "Harbor Goods",
    "Oakline",
    "Maple & Moss",
    "Tidewater",
];

/// Deterministic generator (SplitMix64): same seed, same catalogue, on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1) as u64)) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

pub struct SeedVariant {
    pub options: Vec<String>,
    pub price: i64,
    pub compare_at: Option<i64>,
    pub stock: u32,
}

pub struct SeedProduct {
    pub handle: String,
    pub name: String,
    /// The name without the round's number (`texts` translates this).
    pub base_name: String,
    /// Which copy of the catalogue (0 for the first; `scale` repeats it).
    pub round: usize,
    pub material: &'static str,
    pub brand: &'static str,
    pub description: String,
    pub category: &'static CategorySpec,
    pub option_names: Vec<&'static str>,
    /// Colour of the art when the product has no colour option.
    pub art_colour: &'static str,
    pub featured: bool,
    pub variants: Vec<SeedVariant>,
}

pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn pick_colours(rng: &mut Rng, n: usize) -> Vec<&'static Colour> {
    let mut chosen: Vec<&'static Colour> = Vec::with_capacity(n);
    while chosen.len() < n {
        let c = &PALETTE[(rng.next_u64() % PALETTE.len() as u64) as usize];
        if !chosen.iter().any(|x| x.name == c.name) {
            chosen.push(c);
        }
    }
    chosen
}

/// Generates the catalogue; `scale` repeats it with numbered names (for benchmarks at size).
pub fn generate(scale: usize) -> Vec<SeedProduct> {
    let mut rng = Rng::new(0x0076_6974_7269_6e65);
    let mut products = Vec::new();
    for round in 0..scale.max(1) {
        for (ci, cat) in CATEGORIES.iter().enumerate() {
            for i in 0..PRODUCTS_PER_CATEGORY {
                let base_name = format!("{} {}", cat.adjectives[i], cat.nouns[i % cat.nouns.len()]);
                let name = if round == 0 {
                    base_name.clone()
                } else {
                    format!("{base_name} {}", round + 1)
                };
                let brand = BRANDS[(ci * 3 + i) % BRANDS.len()];
                let material = cat.material[(i + round) % cat.material.len()];
                let base_price =
                    rng.range(cat.price.0, cat.price.1) * 100 + if rng.chance(30) { 50 } else { 0 };
                // Every fifth product is on sale.
                let on_sale = (i + ci) % 5 == 2;
                // A few products are entirely sold out; many have a sold-out variant.
                let sold_out = (i * 7 + ci) % 23 == 5;
                let colours = match cat.options {
                    Options::SizeAndColour(_) => pick_colours(&mut rng, 2 + (i % 2)),
                    Options::Colour => pick_colours(&mut rng, 1 + (i % 4)),
                    Options::PricedSize(_) => pick_colours(&mut rng, 1),
                };
                let mut variants = Vec::new();
                let stock = |rng: &mut Rng| {
                    if sold_out || rng.chance(12) {
                        0
                    } else {
                        rng.range(1, 40) as u32
                    }
                };
                let sale = |price: i64| on_sale.then(|| (price * 5 / 4 + 99) / 100 * 100);
                let option_names = match cat.options {
                    Options::SizeAndColour(sizes) => {
                        for c in &colours {
                            for (si, s) in sizes.iter().enumerate() {
                                // Knitwear's largest size costs a little more, so cards say "from".
                                let price = if cat.art == "knit" && si == sizes.len() - 1 {
                                    base_price + 500
                                } else {
                                    base_price
                                };
                                variants.push(SeedVariant {
                                    options: vec![s.to_string(), c.name.to_string()],
                                    price,
                                    compare_at: sale(price),
                                    stock: stock(&mut rng),
                                });
                            }
                        }
                        vec!["Size", "Colour"]
                    }
                    Options::Colour => {
                        for c in &colours {
                            variants.push(SeedVariant {
                                options: vec![c.name.to_string()],
                                price: base_price,
                                compare_at: sale(base_price),
                                stock: stock(&mut rng),
                            });
                        }
                        vec!["Colour"]
                    }
                    Options::PricedSize(sizes) => {
                        for (s, pct) in sizes {
                            let price = base_price * pct / 100 / 50 * 50;
                            variants.push(SeedVariant {
                                options: vec![s.to_string()],
                                price,
                                compare_at: sale(price),
                                stock: stock(&mut rng),
                            });
                        }
                        vec!["Size"]
                    }
                };
                let description = format!(
                    "The {name} from {brand} is made from {material}. {cat_desc} \
                     Designed to be used every day and repaired rather than replaced; \
                     free returns within 30 days.",
                    cat_desc = cat.description
                );
                products.push(SeedProduct {
                    handle: slug(&name),
                    name,
                    base_name,
                    round,
                    material,
                    brand,
                    description,
                    category: cat,
                    option_names,
                    art_colour: colours[0].name,
                    featured: round == 0 && (i == 0 || i == 5),
                    variants,
                });
            }
        }
    }
    products
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalogue_is_large_varied_and_unique() {
        let products = generate(1);
        assert!(products.len() >= 120);
        let handles: HashSet<_> = products.iter().map(|p| p.handle.as_str()).collect();
        assert_eq!(handles.len(), products.len(), "handles must be unique");
        assert!(CATEGORIES.len() >= 8);
        assert!(products
            .iter()
            .any(|p| p.variants.iter().all(|v| v.stock == 0)));
        assert!(products
            .iter()
            .any(|p| p.variants.iter().any(|v| v.compare_at.is_some())));
        assert!(products
            .iter()
            .all(|p| p.variants.iter().all(|v| v.price > 0)));
        for p in &products {
            for v in &p.variants {
                if let Some(c) = v.compare_at {
                    assert!(c > v.price, "{}: compare-at must exceed price", p.handle);
                }
            }
        }
    }

    #[test]
    fn generation_is_deterministic() {
        let a: Vec<_> = generate(1)
            .into_iter()
            .map(|p| (p.handle, p.variants.len()))
            .collect();
        let b: Vec<_> = generate(1)
            .into_iter()
            .map(|p| (p.handle, p.variants.len()))
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn slug_is_url_safe() {
        assert_eq!(
            slug("Loam & Linen Garment-Dyed Tee"),
            "loam-linen-garment-dyed-tee"
        );
    }
}
