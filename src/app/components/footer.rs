use crate::app::strings;
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__brand">{strings::STORE_NAME} " — " {strings::STORE_TAGLINE}</p>
            <p class="site-footer__note">{strings::FOOTER_NOTE}</p>
            <p class="site-footer__links">
                <a href="/orders">{strings::TRACK_ORDER}</a>
                <a href="/privacy">{strings::PRIVACY_CENTRE}</a>
            </p>
        </footer>
    }
}
