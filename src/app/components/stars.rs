//! Rating stars: five glyphs filled to the nearest half star by the stylesheet (no inline
//! style, which the CSP forbids), read out as words.

use leptos::prelude::*;

/// `tenths`: the rating in tenths of a star (43 is 4.3; one review's 4 stars is 40); `said`:
/// what a screen reader says instead of the glyphs.
#[component]
pub fn Stars(tenths: u32, #[prop(into)] said: String) -> impl IntoView {
    // To the nearest half star: 4.2 shows four, 4.3 four and a half.
    let halves = ((tenths + 2) / 5).min(10);
    view! {
        <span class="stars" role="img" aria-label=said data-halves=halves>
            <span class="stars__glyphs" aria-hidden="true">"★★★★★"</span>
        </span>
    }
}
