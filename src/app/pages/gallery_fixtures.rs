//! What the gallery draws: a handful of products and a cart in the states a shopper meets
//! (on sale, sold out, a name too long for its card, the last one left). Fixtures only: the
//! gallery never asks a backend.

use crate::api::recommend::{Reason, Row};
use crate::commerce::{Cart, CartLineInput, Currency, Image, Money, ProductSummary};

fn usd(minor: i64) -> Money {
    Money::new(minor, Currency::USD)
}

fn picture(file: &str, alt: &str) -> Image {
    Image {
        url: format!("/gallery/{file}"),
        alt: alt.into(),
        srcset: None,
        avif: None,
    }
}

pub fn product(name: &str) -> ProductSummary {
    ProductSummary {
        handle: "everyday-crew-tee".into(),
        name: name.into(),
        brand: "Northline".into(),
        image: picture("tee.svg", name),
        price: usd(2_400),
        compare_at: None,
        price_varies: false,
        in_stock: true,
        rating: None,
        saved: false,
    }
}

/// In stock, with the stars of 36 reviews.
pub fn in_stock() -> ProductSummary {
    ProductSummary {
        rating: Some(crate::commerce::reviews::Rating {
            by_stars: [1, 0, 2, 9, 24],
        }),
        ..product("Everyday Crew Tee")
    }
}

pub fn on_sale() -> ProductSummary {
    ProductSummary {
        compare_at: Some(usd(3_200)),
        price_varies: true,
        saved: true,
        image: picture("mug.svg", "Stoneware Mug"),
        ..product("Stoneware Mug")
    }
}

pub fn sold_out() -> ProductSummary {
    ProductSummary {
        in_stock: false,
        ..product("Heavyweight Pocket Tee")
    }
}

pub fn long_name() -> ProductSummary {
    product("Organic Cotton Relaxed-Fit Long-Sleeve Boxy Tee with Contrast Stitching, Garment-Dyed")
}

pub fn products() -> Vec<ProductSummary> {
    vec![in_stock(), on_sale(), sold_out(), long_name()]
}

pub fn row() -> Row {
    Row {
        reason: Reason::BecauseYouViewed(vec!["Everyday Crew Tee".into(), "Stoneware Mug".into()]),
        products: products(),
    }
}

fn line(
    variant: &str,
    p: &ProductSummary,
    title: &str,
    quantity: u32,
    available: u32,
) -> CartLineInput {
    CartLineInput {
        variant_id: variant.into(),
        product_handle: p.handle.clone(),
        product_name: p.name.clone(),
        variant_title: title.into(),
        image: p.image.clone(),
        unit_price: p.price,
        quantity,
        available,
    }
}

/// Two lines: a plain one, and a long name of which only one is left.
pub fn cart() -> Cart {
    let lines = vec![
        line("1", &in_stock(), "M / Ink", 2, 40),
        line("2", &long_name(), "XL / Sand", 1, 1),
    ];
    Cart::from_lines(Currency::USD, lines).expect("one currency")
}
