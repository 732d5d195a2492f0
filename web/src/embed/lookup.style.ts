/**
 * The widget's styles, inside its shadow root: the portal's CSS cannot break it, nor it the
 * portal's.
 */
export const STYLE = `
:host { display: block; font-family: system-ui, sans-serif; color: #1b1b1b; border: 1px solid #c8c8c8; border-radius: 8px; padding: 0.8rem 1rem; max-width: 40rem; background: #fff; }
h2 { font-size: 1.1rem; margin: 0 0 0.4rem; }
label { display: block; font-size: 0.9rem; margin-bottom: 0.2rem; }
input { font: inherit; width: 100%; box-sizing: border-box; padding: 0.3rem 0.5rem; border: 1px solid #767676; border-radius: 4px; }
ul { list-style: none; padding: 0; margin: 0.6rem 0; }
li { padding: 0.35rem 0; border-bottom: 1px solid #e2e2e2; }
a { color: #0b57a4; }
.meta { font-size: 0.85rem; color: #555; }
.status { font-size: 0.75rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3rem; color: #1f5e20; margin-left: 0.3rem; }
button { font: inherit; border: 1px solid #767676; background: #fff; border-radius: 4px; padding: 0.2rem 0.7rem; cursor: pointer; }
[role=status] { font-size: 0.85rem; color: #555; }
.error { color: #9b1c1c; }
`;
