import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// Petrol: a calm blue-green, distinct from the default blue of most tools but quiet enough for
// pages people read for hours. Shade 7 meets WCAG AA on white; dark mode fills with shade 6.
const petrol: MantineColorsTuple = [
  '#e8f6f8',
  '#d2eaee',
  '#a3d3dc',
  '#70bac8',
  '#48a6b8',
  '#2e99ad',
  '#1c8ba1',
  '#0b6e85',
  '#075f73',
  '#004f61',
];

// Slightly cool neutrals for dark mode, so it reads as a lit lab at night rather than pure black.
const slate: MantineColorsTuple = [
  '#d5d9e0',
  '#b3bac5',
  '#8f98a6',
  '#6a7381',
  '#4a5261',
  '#373e4b',
  '#2a303b',
  '#20252e',
  '#191d24',
  '#12151a',
];

const sans =
  "'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const mono =
  "ui-monospace, 'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

/** The Plinth theme: one brand colour, Inter, generous but not loose spacing. */
export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: { light: 7, dark: 6 },
  colors: { petrol, dark: slate },
  fontFamily: sans,
  fontFamilyMonospace: mono,
  headings: {
    fontFamily: sans,
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.375rem', lineHeight: '1.3' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
      h4: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  // md is where the side navigation folds into a burger (900px).
  breakpoints: { xs: '36em', sm: '48em', md: '56.25em', lg: '75em', xl: '88em' },
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Modal: {
      defaultProps: { centered: true, radius: 'md', overlayProps: { backgroundOpacity: 0.45, blur: 2 } },
    },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 300 } },
    Badge: { defaultProps: { radius: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } },
  },
});

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

// The kit's own dark-mode "light" variant is a nearly black solid for most hues, which makes badges
// and soft buttons look like holes. A translucent tint of the colour reads as the colour instead.
// The catalog gives each kind of entity a colour, so those hues are tinted too.
const tintedInDark = [
  'petrol',
  'red',
  'teal',
  'yellow',
  'gray',
  'blue',
  'violet',
  'orange',
  'indigo',
  'cyan',
  'pink',
  'grape',
  'green',
] as const;

function darkLightVariants(colors: Record<string, readonly string[]>): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const name of tintedInDark) {
    const shades = colors[name];
    if (!shades) continue;
    variables[`--mantine-color-${name}-light`] = rgba(shades[6] ?? '#888888', name === 'gray' ? 0.2 : 0.18);
    variables[`--mantine-color-${name}-light-hover`] = rgba(
      shades[6] ?? '#888888',
      name === 'gray' ? 0.28 : 0.26,
    );
    variables[`--mantine-color-${name}-light-color`] = shades[name === 'gray' ? 3 : 2] ?? 'inherit';
  }
  return variables;
}

/** Surfaces: a faintly tinted page behind white cards in light mode; layered slates in dark mode. */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--plinth-page-bg': '#f6f8fa',
    '--plinth-surface': '#ffffff',
    '--plinth-nav-bg': '#fbfcfd',
    '--plinth-muted-surface': 'var(--mantine-color-gray-0)',
    '--plinth-login-bg':
      'radial-gradient(1200px 600px at 50% -10%, var(--mantine-color-petrol-0), transparent 70%), #f6f8fa',
  },
  dark: {
    '--plinth-page-bg': 'var(--mantine-color-dark-8)',
    '--plinth-surface': 'var(--mantine-color-dark-7)',
    '--plinth-nav-bg': 'var(--mantine-color-dark-9)',
    '--plinth-muted-surface': 'var(--mantine-color-dark-6)',
    ...darkLightVariants(resolved.colors),
    '--plinth-login-bg':
      'radial-gradient(1200px 600px at 50% -10%, rgba(28, 139, 161, 0.16), transparent 70%), var(--mantine-color-dark-8)',
  },
});
