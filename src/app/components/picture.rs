//! A backend's picture as a page draws it. Where the backend makes sized copies, the browser
//! picks the smallest that fills the drawn width (`sizes`), in AVIF when it decodes it and in
//! WebP otherwise: on a phone's listing that is about half the bytes of one WebP size for
//! all, and the pictures are most of what a first screen downloads.

use crate::commerce::model::Image;
use leptos::prelude::*;

/// When a picture is fetched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Loading {
    /// As it scrolls near the screen.
    #[default]
    Lazy,
    /// With the page, after the first: it is in the first screen but not its largest paint,
    /// so it leaves the bandwidth to that one (a phone shows two columns of equal cards; the
    /// first drawn is the largest paint, and the others only slowed it down).
    Eager,
    /// Before the other pictures: the page's likely largest paint.
    First,
}

impl Loading {
    /// For the `i`th picture of a run whose first `first_screen` are in the first screen: the
    /// first of them first, the rest of them with the page, the others as they scroll near.
    pub fn nth(i: usize, first_screen: usize) -> Self {
        match i {
            _ if i >= first_screen => Loading::Lazy,
            0 => Loading::First,
            _ => Loading::Eager,
        }
    }
}

/// A square picture `size` px wide as laid out by default; `sizes` says how wide the page's
/// styles draw it. `announced` gives it its alternative text, for a picture that is not
/// followed by the same words in text.
#[component]
pub fn Picture(
    image: Image,
    sizes: &'static str,
    size: u32,
    #[prop(optional)] loading: Loading,
    #[prop(optional)] announced: bool,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    let sizes_for_img = image.srcset.is_some().then_some(sizes);
    view! {
        <picture>
            {image.avif.map(|set| view! { <source type="image/avif" srcset=set sizes=sizes/> })}
            <img
                src=image.url
                srcset=image.srcset
                sizes=sizes_for_img
                alt=if announced { image.alt } else { String::new() }
                width=size
                height=size
                loading=(loading == Loading::Lazy).then_some("lazy")
                fetchpriority=match loading {
                    Loading::First => Some("high"),
                    Loading::Eager => Some("low"),
                    Loading::Lazy => None,
                }
                decoding=(loading != Loading::First).then_some("async")
                data-testid=testid
            />
        </picture>
    }
}

#[cfg(test)]
mod tests {
    use super::Loading;

    #[test]
    fn the_first_screen_loads_its_first_picture_first_and_the_rest_waits_to_be_scrolled_near() {
        let run = |first_screen| {
            (0..6)
                .map(|i| Loading::nth(i, first_screen))
                .collect::<Vec<_>>()
        };
        use Loading::*;
        assert_eq!(run(4), [First, Eager, Eager, Eager, Lazy, Lazy]);
        // A run below the first screen (the home page's featured grid) is lazy throughout.
        assert_eq!(run(0), [Lazy; 6]);
    }
}
