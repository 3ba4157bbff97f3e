/** localStorage key of the user's explicit choice; absent means "follow the system". */
export const THEME_KEY = "deploylens-theme";

/**
 * Runs in <head> before the first paint, so a dark-mode user never sees a white flash. It is a fixed string
 * (no user data in it), rendered as an inline script by the root layout.
 */
export const themeScript = `(() => {
  const chosen = localStorage.getItem(${JSON.stringify(THEME_KEY)});
  const dark = chosen ? chosen === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.classList.toggle("dark", dark);
})();`;
