//! How the wasm reaches the browser. leptos's `<HydrationScripts>` preloads the module and the
//! wasm in `<head>`, so they compete with the page's own pictures and styles, and a phone's
//! largest paint waits for 560 KB of wasm (Lighthouse re-costs every request that finished
//! before it). The server's HTML is what the shopper sees first, and its forms work without
//! the wasm, so the bundle starts only once the page has loaded and the browser is idle.

use leptos::prelude::*;

/// The nonce'd loader in place of `<HydrationScripts>`: no preloads, one fetch of each file.
#[component]
pub fn BrowserBundle(options: LeptosOptions) -> impl IntoView {
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let script = format!(
        "(() => {{\
           const start = () => import('{pkg}.js')\
             .then((m) => m.default({{ module_or_path: '{pkg}_bg.wasm' }}).then(() => m.hydrate()));\
           const idle = () => 'requestIdleCallback' in window\
             ? requestIdleCallback(start, {{ timeout: 1500 }}) : setTimeout(start, 1);\
           if (document.readyState === 'complete') idle();\
           else addEventListener('load', idle, {{ once: true }});\
         }})();"
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}
