// The widget's one script: <script type="module" src="https://STORE/widget/vitrine.js">.
// It defines <vitrine-product>, <vitrine-buy-button> and <vitrine-cart>, gives each a shadow
// root with the widget's stylesheet, and lets the wasm (src/widget/) draw into it. The store
// is wherever this file came from.
import init, { mount, stylesheet } from "./pkg/vitrine.js";

const store = new URL(import.meta.url).origin;
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
