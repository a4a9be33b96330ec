/** Props of {@link LogoMark}. */
export interface LogoMarkProps {
  size?: number;
}

/**
 * The Plinth mark: a pedestal (cap, die, stepped base) on a brand-coloured tile.
 * Decorative, since it always sits beside the written name.
 */
export function LogoMark({ size = 30 }: LogoMarkProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-petrol-7)" />
      <rect x="8" y="6.5" width="16" height="3.5" rx="0.8" fill="#ffffff" />
      <rect x="11" y="11.5" width="10" height="9.5" fill="#ffffff" fillOpacity="0.82" />
      <rect x="9.5" y="22.3" width="13" height="2.4" rx="0.5" fill="#ffffff" />
      <rect x="6.5" y="25.5" width="19" height="2.6" rx="0.8" fill="#ffffff" />
    </svg>
  );
}
