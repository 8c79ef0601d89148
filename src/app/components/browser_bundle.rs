//! How the wasm reaches the browser. leptos's `<HydrationScripts>` preloads the module and the
//! wasm in `<head>`, so they compete with the page's own pictures and styles, and a phone's
//! largest paint waits for the wasm (Lighthouse re-costs every request that finished before
//! it). The server's HTML is what the shopper sees first, and its forms work without the wasm,
//! so the bundle starts only once the page has loaded, its pictures are decoded and painted
//! (a frame after them), and the browser is idle, then hydrates the islands one at a time,
//! yielding between them so no hydration is one long task. Without the wait for the paint the
//! wasm's fetch sometimes began before the largest picture was on screen, and Lighthouse
//! charged its 80 KB to the largest paint (a phone's product page: 1.0 s or 2.0 s by turns).
//! Two frames are not always enough: a busy machine presents a frame after the next one has
//! begun, and the largest paint's time is when it was presented, so the loader also waits
//! until the browser has reported a paint at least as large as the biggest picture on screen,
//! or 100 ms more: Chrome never reports a picture it finds too plain to count (under 0.05 bits
//! per pixel, as the embedded store's drawings are on a desktop product page).
//! A hidden tab paints no frames: a second's timeout starts the bundle there.

use leptos::prelude::*;

/// Pages whose islands are forms load the second bundle (feature `forms`), which has every
/// island; the others load the browse bundle. Both exist once per language.
const FORM_PAGES: [&str; 4] = ["/checkout", "/account", "/orders", "/privacy"];

/// The nonce'd loader in place of `<HydrationScripts>`: no preloads, one fetch of each file.
#[component]
pub fn BrowserBundle(options: LeptosOptions) -> impl IntoView {
    // Resources outside islands are the server's alone: not serialised into the page.
    if let Some(sc) = Owner::current_shared_context() {
        sc.set_is_hydrating(false);
    }
    let path = use_context::<axum::http::request::Parts>()
        .map(|p| crate::words::Locale::split(p.uri.path()).1.to_string())
        .unwrap_or_default();
    let forms = FORM_PAGES.iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    });
    // Each language has its own bundles (only its words): /pkg for English, /pkg/zh, …
    let mut dir = options.site_pkg_dir.to_string();
    let locale = crate::words::current();
    if locale != crate::words::Locale::En {
        dir = format!("{dir}/{}", locale.code());
    }
    if forms {
        dir.push_str("/forms");
    }
    let pkg = format!("/{dir}/{}", options.output_name);
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{loader(&pkg)}</script> }
}

/// An island inside another's children takes the outer island's context (`$$on_hydrate`
/// restores its owner), so the walk keeps a stack of them, in document order.
fn loader(pkg: &str) -> String {
    format!(
        "(() => {{\
           const pause = () => new Promise((r) => setTimeout(r, 0));\
           const walk = async (node, m, owners) => {{\
             for (const el of Array.from(node.children)) {{\
               if (el.tagName === 'LEPTOS-ISLAND') {{\
                 const f = m[el.dataset.component];\
                 const owner = owners[owners.length - 1];\
                 if (owner) owner();\
                 if (f) f(el); else console.warn('vitrine: no island', el.dataset.component);\
                 await pause();\
                 await walk(el, m, owners);\
               }} else if (el.tagName === 'LEPTOS-CHILDREN') {{\
                 owners.push(el.$$on_hydrate);\
                 await walk(el, m, owners);\
                 owners.pop();\
               }} else {{\
                 await walk(el, m, owners);\
               }}\
             }}\
           }};\
           const start = () => import('{pkg}.js').then(async (m) => {{\
             await m.default({{ module_or_path: '{pkg}_bg.wasm' }});\
             m.hydrate();\
             await walk(document.body, m, []);\
             document.documentElement.setAttribute('data-hydrated', '');\
           }});\
           const idle = () => 'requestIdleCallback' in window\
             ? requestIdleCallback(start, {{ timeout: 1500 }}) : setTimeout(start, 1);\
           const seen = (i) => {{\
             const r = i.getBoundingClientRect();\
             return Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0))\
               * Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));\
           }};\
           const reported = (big) => new Promise((done) => {{\
             const area = big ? seen(big) : 0;\
             if (!area || !PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) return done();\
             new PerformanceObserver((list, o) => {{\
               if (list.getEntries().some((e) => e.element === big || e.size >= area)) {{ o.disconnect(); done(); }}\
             }}).observe({{ type: 'largest-contentful-paint', buffered: true }});\
             setTimeout(done, 100);\
           }});\
           const painted = () => new Promise((done) => {{\
             const shown = Array.from(document.images).filter((i) => i.complete && i.naturalWidth);\
             const big = shown.reduce((a, i) => (seen(i) > (a ? seen(a) : 0) ? i : a), null);\
             Promise.all(shown.map((i) => i.decode().catch(() => {{}})))\
               .then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))\
               .then(() => reported(big)).then(done);\
             setTimeout(done, 1000);\
           }});\
           const after = () => painted().then(idle);\
           if (document.readyState === 'complete') after();\
           else addEventListener('load', after, {{ once: true }});\
         }})();"
    )
}
