// The product mark: a stylised airflow swirl, drawn inline so the app needs no image files.
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path
        d="M8 12.5c3-3 6.5-3 9 0s6 3 7-1M8 19.5c3-3 6.5-3 9 0s6 3 7-1"
        fill="none"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
