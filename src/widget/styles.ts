/**
The widget's own rules. Each selector sits in `:where()`, so it weighs nothing and any rule of the shop's (or the old
`voucherify.css`) on the same class wins. The animations stop for visitors who ask for reduced motion.
*/
const WIDGET_CSS = `
:where(.voucherifyContainer){display:flex;flex-wrap:wrap;align-items:center;gap:.5em}
:where(.voucherifyLogo){margin:0;flex-basis:100%}
:where(img.voucherifyLogo){width:2.5em;height:2.5em}
:where(.voucherifyStatus){flex-basis:100%;margin:0;min-height:1.5em}
:where(.voucherifyInvalid){border-color:#c62828}
:where(.voucherifyValid){border-color:#2e7d32}
:where(.voucherifyAnimationShake){animation:voucherify-shake .4s}
:where(.voucherifyAnimationTada){animation:voucherify-tada .6s}
@keyframes voucherify-shake{25%{translate:-4px}75%{translate:4px}}
@keyframes voucherify-tada{50%{scale:1.05}}
@media (prefers-reduced-motion:reduce){:where(.voucherifyAnimationShake,.voucherifyAnimationTada){animation:none}}
`;

const adopted = new WeakSet<Document>();

/**
Adds the rules once per document as a constructed stylesheet (`adoptedStyleSheets`): CSSOM, not a `<style>` element
or a `style` attribute, so a `style-src 'self'` policy without `'unsafe-inline'` allows it. A browser without
constructed stylesheets shows the widget unstyled (or styled by the shop's CSS).
*/
export function adoptWidgetStyles(document: Document): void {
	const view = document.defaultView;
	if (adopted.has(document) || !view || !('adoptedStyleSheets' in document) || typeof view.CSSStyleSheet.prototype.replaceSync !== 'function') return;
	const sheet = new view.CSSStyleSheet();
	sheet.replaceSync(WIDGET_CSS);
	document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	adopted.add(document);
}
