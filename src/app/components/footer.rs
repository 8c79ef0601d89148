use crate::words;
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__brand">{words::STORE_NAME} " — " {words::STORE_TAGLINE}</p>
            <p class="site-footer__note">{words::FOOTER_NOTE}</p>
            <p class="site-footer__links">
                <a href="/orders">{words::TRACK_ORDER}</a>
                <a href="/privacy">{words::PRIVACY_CENTRE}</a>
            </p>
        </footer>
    }
}
