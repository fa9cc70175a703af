/**
 * The site the widget lives on, as a Wix host would describe it: `createShim({ site })` sets
 * any part; the rest has defaults. Site info, pages, the current page and style parameters are
 * answered from it (emulated tier, decision 0011).
 */

export interface SitePage {
  id: string;
  title: string;
  hide?: boolean;
  isHomepage?: boolean;
}

/** A style value as Wix kept it: colors `{value}`, fonts `{value, family, …}`, numbers, booleans. */
export interface StyleParams {
  colors: Record<string, { value: string; [k: string]: unknown }>;
  numbers: Record<string, number>;
  booleans: Record<string, boolean>;
  fonts: Record<string, { value?: string; [k: string]: unknown }>;
  [k: string]: unknown;
}

export interface SiteModel {
  /** `Wix.getSiteInfo` / `Wix.Settings.getSiteInfo`; merged over the defaults. */
  siteInfo?: Record<string, unknown>;
  /** `getSitePages`. Default: one home page `{id: 'home', title: 'Home', hide: false, isHomepage: true}`. */
  pages?: SitePage[];
  /** `getCurrentPageId`. Default: the home page's id. `Wix.navigateToPage` changes it. */
  currentPageId?: string;
  /** `Wix.Styles.getStyleParams` and the keyed getters. */
  style?: Partial<StyleParams>;
  /** `Wix.Styles.getSiteColors`: `[{name: 'color_1', value: '#FFFFFF'}, …]`. */
  siteColors?: Array<{ name: string; value: string; [k: string]: unknown }>;
  /** `Wix.Styles.getSiteTextPresets`: `{Title: {value, fontFamily, size, …}, …}`. */
  siteTextPresets?: Record<string, { value?: string; [k: string]: unknown }>;
  /** `Wix.Styles.getEditorFonts`. */
  fontsMeta?: unknown[];
  /** `Wix.Styles.getFontsSpriteUrl`. */
  fontsSpriteUrl?: string;
  /** `Wix.isVisualFocusEnabled`. Default false. */
  isVisualFocusEnabled?: boolean;
}

/** A model with every default filled in. */
export type Site = Required<Omit<SiteModel, 'style'>> & { style: StyleParams };

const PALETTE = 'FFFFFF 000000 ED1C24 0088CB FFCB05 FFFFFF E8E6E6 C7C7C7 999997 2F2E2E';

export function siteModel(m: SiteModel = {}): Site {
  const pages = m.pages ?? [{ id: 'home', title: 'Home', hide: false, isHomepage: true }];
  return {
    siteInfo: m.siteInfo ?? {},
    pages,
    currentPageId: m.currentPageId ?? (pages.find((p) => p.isHomepage) ?? pages[0])?.id ?? '',
    style: { colors: {}, numbers: {}, booleans: {}, fonts: {}, ...m.style },
    // Wix's palette names: color_1…color_5, then color_11 onward.
    // The SDK adds each color's palette `reference` when it caches the host's style data.
    siteColors: (m.siteColors ?? PALETTE.split(' ').map((hex, i) => ({ name: `color_${i < 5 ? i + 1 : i + 6}`, value: `#${hex}` }))).map((c) => ({ ...c, reference: colorReference(c.name) })),
    siteTextPresets: m.siteTextPresets ?? {},
    fontsMeta: m.fontsMeta ?? [],
    fontsSpriteUrl: m.fontsSpriteUrl ?? '',
    isVisualFocusEnabled: m.isVisualFocusEnabled ?? false,
  };
}

/** The SDK's palette reference of a color name: color_1…5 name the theme, color_11+ are `color-N`. */
export function colorReference(name: string): string | undefined {
  const n = Number(name.split('_').pop());
  return n <= 5 ? ['white/black', 'black/white', 'primery-1', 'primery-2', 'primery-3'][n - 1] : n > 10 ? `color-${n - 10}` : undefined;
}
