//! Believable reviews for the seeded store: a third of its products get some, each written by
//! the buyer of one of its seeded (delivered) orders, in one of the store's four languages,
//! mostly happy as real reviews are. Deterministic, so every fresh store reads the same.

use super::reviews::NewReview;
use crate::commerce::embedded::catalog::Rng;
use crate::commerce::reviews::{Draft, Standing};

/// Made again when the texts or the choice change.
pub const VERSION: &str = "1";

/// A line of a seeded order: what was bought, by which order, when.
pub struct Bought {
    pub order_code: String,
    /// The product's place in the catalogue: every third product, the first of each category's
    /// among them, gets reviews.
    pub product_id: i64,
    pub product: String,
    pub variant: String,
    pub placed_at: i64,
}

/// (stars, title, text) per language; the stars say which mood the text fits.
type Said = (u8, &'static str, &'static str);

const EN: &[Said] = &[
    (5, "Exactly as pictured", "The colour and finish are exactly what the photos show. It arrived well packed and a day early. Would buy again."),
    (5, "Better than I expected", "Sturdy, well made and it feels like it will last for years. Worth every penny."),
    (5, "My new favourite", "I have used it every day since it arrived and keep reaching for it. Already ordered a second one as a gift."),
    (4, "Very good, one small thing", "Quality is great and it looks lovely. Took one star off because it runs slightly small; check the size guide."),
    (4, "Solid choice", "Does what it should and looks good doing it. Delivery was quick and the packaging was plastic free."),
    (3, "Fine, not special", "It is decent for the price, but the material feels thinner than I hoped. Does the job."),
    (2, "Not for me", "The colour was noticeably duller than on screen and the fit was off. Returned it without any trouble, though."),
    (1, "Disappointed", "A seam came loose after the second use. Customer service replied quickly and sent a replacement."),
];

const ZH: &[Said] = &[
    (
        5,
        "和图片一模一样",
        "颜色和做工都和图片一样，包装很仔细，还提前一天送到了。会回购。",
    ),
    (
        5,
        "超出预期",
        "做工扎实，质感很好，感觉能用很多年。物有所值。",
    ),
    (
        4,
        "很好，有一点小问题",
        "质量不错，外观也好看。尺码稍微偏小，建议先看尺码表。",
    ),
    (4, "值得购买", "用起来很顺手，发货快，包装也环保。"),
    (3, "一般般", "这个价格还算可以，但材料比想象中薄一些。"),
    (2, "不太满意", "颜色比屏幕上暗不少，退货倒是很顺利。"),
];

const FA: &[Said] = &[
    (
        5,
        "دقیقاً مثل عکس",
        "رنگ و کیفیت دقیقاً همان است که در عکس‌ها دیده می‌شود. بسته‌بندی عالی بود و یک روز زودتر رسید.",
    ),
    (
        5,
        "بهتر از انتظارم",
        "محکم و خوش‌ساخت است و به نظر می‌رسد سال‌ها دوام بیاورد. ارزش خرید دارد.",
    ),
    (
        4,
        "خیلی خوب",
        "کیفیت عالی است و ظاهر زیبایی دارد. کمی کوچک‌تر از اندازهٔ معمول است؛ جدول اندازه را ببینید.",
    ),
    (
        4,
        "انتخاب مطمئن",
        "همان کاری را که باید می‌کند و ارسال هم سریع بود.",
    ),
    (
        3,
        "معمولی",
        "برای این قیمت بد نیست، اما جنسش از چیزی که فکر می‌کردم نازک‌تر است.",
    ),
    (
        2,
        "راضی نبودم",
        "رنگش از چیزی که در صفحه بود کدرتر بود. مرجوع کردن آن ساده بود.",
    ),
];

const RU: &[Said] = &[
    (5, "Точно как на фото", "Цвет и качество именно такие, как на фотографиях. Упаковано аккуратно, доставили на день раньше."),
    (5, "Лучше, чем ожидала", "Крепкая, добротная вещь, прослужит не один год. Своих денег стоит."),
    (4, "Очень хорошо", "Качество отличное, выглядит красиво. Одна звезда долой: маломерит, смотрите таблицу размеров."),
    (4, "Надёжный выбор", "Делает то, что нужно, и выглядит при этом хорошо. Доставка быстрая."),
    (3, "Нормально", "За свои деньги неплохо, но материал тоньше, чем я надеялся."),
    (1, "Разочарован", "После второго раза разошёлся шов. Поддержка ответила быстро и прислала замену."),
];

const NAMES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "Maya R.", "Tom B.", "Priya S.", "Jonas W.", "Lena K.", "Sam O.", "Grace H.",
            "Diego M.",
        ],
    ),
    ("zh", &["李娜", "王伟", "张敏", "刘洋", "陈静"]),
    ("fa", &["سارا م.", "علی ر.", "مریم ک.", "رضا ت."]),
    ("ru", &["Анна К.", "Дмитрий С.", "Ольга П.", "Иван Н."]),
];

/// Seeds the embedded store's reviews into `data` once (per [`VERSION`]).
pub fn seed(
    store: &crate::commerce::embedded::EmbeddedStore,
    data: &super::StorefrontData,
) -> Result<(), String> {
    if !data.is_local() {
        // Reviews in PostgreSQL are shared by instances, each with a sample store of its own:
        // sample reviews of one store's orders would be wrong for the others.
        tracing::info!("reviews are in PostgreSQL: the sample store's are not seeded");
        return Ok(());
    }
    if data.seeded(VERSION) {
        return Ok(());
    }
    let made = reviews(&store.seeded_purchases()?);
    let kept = data.seed_reviews(VERSION, &made)?;
    tracing::info!(kept, "seeded reviews");
    Ok(())
}

/// The reviews for `bought` (the seeded orders' lines, in order).
pub fn reviews(bought: &[Bought]) -> Vec<NewReview> {
    let mut rng = Rng::new(0x7e71e35);
    let mut per_product: std::collections::HashMap<&str, usize> = Default::default();
    let mut out = Vec::new();
    for b in bought.iter().filter(|b| b.product_id % 3 == 1) {
        // Between two and eleven reviews for a product, so some fill more than one page.
        let wanted = 2 + (b.product_id as usize * 7) % 10;
        let written = per_product.entry(&b.product).or_default();
        if *written >= wanted {
            continue;
        }
        *written += 1;
        let (lang, texts) = match rng.range(0, 99) {
            0..=54 => ("en", EN),
            55..=69 => ("ru", RU),
            70..=84 => ("zh", ZH),
            _ => ("fa", FA),
        };
        // Mostly happy, as reviews of things people chose tend to be.
        let mood = rng.range(0, 99);
        let fitting: Vec<&Said> = texts
            .iter()
            .filter(|s| match mood {
                0..=69 => s.0 >= 4,
                70..=84 => s.0 == 3,
                _ => s.0 <= 2,
            })
            .collect();
        let (stars, title, text) = *fitting[rng.range(0, fitting.len() as i64 - 1) as usize];
        let names = NAMES
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(&[][..], |n| n.1);
        let name = names[rng.range(0, names.len() as i64 - 1) as usize];
        out.push(NewReview {
            product: b.product.clone(),
            order_code: b.order_code.clone(),
            variant: b.variant.clone(),
            draft: Draft {
                stars,
                title: title.into(),
                text: text.into(),
                name: name.into(),
            },
            lang: lang.into(),
            standing: Standing::Published,
            helpful: rng.range(0, 14) as u32,
            // Written a week or two after the parcel came.
            at: b.placed_at + rng.range(7, 20) * 86_400,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_text_passes_the_checks_a_buyer_faces() {
        for (stars, title, text) in EN.iter().chain(ZH).chain(FA).chain(RU) {
            let draft = crate::commerce::reviews::check(&stars.to_string(), title, text, "Ada L.")
                .unwrap_or_else(|e| panic!("{title}: {e:?}"));
            assert!(
                !crate::commerce::reviews::looks_like_spam(&draft, false),
                "{title}"
            );
        }
    }

    #[test]
    fn a_third_of_products_get_reviews_in_every_language_from_their_own_orders() {
        let bought: Vec<Bought> = (0..600)
            .map(|n| Bought {
                order_code: format!("VT-HIST{n:05}"),
                product_id: (n % 30) as i64,
                product: format!("p{}", n % 30),
                variant: "M".into(),
                placed_at: 1_767_225_600 + n as i64 * 7_200,
            })
            .collect();
        let made = reviews(&bought);
        let mut products: Vec<&str> = made.iter().map(|r| r.product.as_str()).collect();
        products.sort();
        products.dedup();
        assert_eq!(products.len(), 10);
        for lang in ["en", "zh", "fa", "ru"] {
            assert!(made.iter().any(|r| r.lang == lang), "{lang}");
        }
        for r in &made {
            let b = bought
                .iter()
                .find(|b| b.order_code == r.order_code)
                .unwrap();
            assert_eq!(b.product, r.product);
            assert!(r.at > b.placed_at);
        }
        assert_eq!(made.len(), reviews(&bought).len());
    }
}
