// The side navigation as pages see it: a page says which partnership it shows, the shell draws the navigation.
// The shell registers the drawing here, so pages (and the kernel) never import the shell.
let draw = () => {};

/** Called once by the shell with its function that draws the navigation of partnership `pid` (or none). */
export function onUpdateNav(fn) { draw = fn; }

/** Shows the side navigation and switcher for partnership `pid` (or hides them when null). */
export function updateNav(pid) { draw(pid); }
