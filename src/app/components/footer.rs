use crate::app::local;
use crate::w;
use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="site-footer__brand">{w!(STORE_NAME)} " — " {w!(STORE_TAGLINE)}</p>
            <p class="site-footer__note">{w!(FOOTER_NOTE)}</p>
            <p class="site-footer__links">
                <a href=local("/orders")>{w!(TRACK_ORDER)}</a>
                <a href=local("/privacy")>{w!(PRIVACY_CENTRE)}</a>
            </p>
            <super::languages::LanguageList/>
        </footer>
    }
}
