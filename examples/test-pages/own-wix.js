// The page's own `Wix` global, defined before the shim's script tag: the shim must leave it alone.
window.Wix = { mine: true };
