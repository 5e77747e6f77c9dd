// The WAI-ARIA tabs pattern for a role=tablist: one Tab stop (the selected tab); Left/Right, Home/End move to
// another tab and open it (a click on it), so the keyboard does what a tap does.
export function arrowTabs(tablist) {
  const tabs = () => [...tablist.querySelectorAll('[role=tab]')].filter(tab => tab.checkVisibility());
  const roving = () => {
    for (const tab of tablist.querySelectorAll('[role=tab]')) {
      tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1;
    }
    // On a wide window the selected tab may be hidden (the editor stands beside the side panes).
    const shown = tabs();
    if (!shown.some(tab => tab.tabIndex === 0) && shown[0]) shown[0].tabIndex = 0;
  };
  tablist.addEventListener('keydown', e => {
    const list = tabs();
    const at = list.indexOf(e.target);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = list[(next + list.length) % list.length];
    tab.click();
    tab.focus();
  });
  new MutationObserver(roving).observe(tablist, { subtree: true, attributeFilter: ['aria-selected'] });
  window.matchMedia('(max-width: 900px)').addEventListener('change', roving);
  roving();
}
