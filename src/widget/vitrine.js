// The widget's one script: <script type="module" src="https://STORE/widget/vitrine.js">.
// It defines <vitrine-product>, <vitrine-buy-button> and <vitrine-cart>, gives each a shadow
// root with the widget's stylesheet, and lets the wasm (src/widget/) draw into it. The store
// is wherever this file came from. It speaks the page's language when the store does
// (`?lang=fa` on this script's address, else the page's <html lang>), English otherwise: each
// language is its own small bundle.
const here = new URL(import.meta.url);
const store = here.origin;
const wanted = (here.searchParams.get("lang") || document.documentElement.lang || "").toLowerCase();
const lang = ["zh", "fa", "ru"].find((l) => wanted === l || wanted.startsWith(`${l}-`));
const { default: init, mount, stylesheet } = await import(lang ? `./pkg/${lang}/vitrine.js` : "./pkg/vitrine.js");

const ready = init().then(() => {
  // A constructed sheet, not a <style>: pages with a strict style-src still show the widget.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(stylesheet());
  return sheet;
});
ready.catch((e) => console.error("vitrine widget: could not start", e));

class VitrineElement extends HTMLElement {
  static observedAttributes = ["handle", "variant"];

  connectedCallback() {
    this.draw();
  }

  attributeChangedCallback() {
    if (this.shadowRoot) this.draw();
  }

  draw() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    ready.then((sheet) => {
      root.adoptedStyleSheets = [sheet];
      mount(this, root, store);
    });
  }
}

for (const name of ["vitrine-product", "vitrine-buy-button", "vitrine-cart"]) {
  if (!customElements.get(name)) customElements.define(name, class extends VitrineElement {});
}
