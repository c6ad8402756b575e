// Region names arrive typed by hand, pasted from spreadsheets or read from GeoJSON files made by
// others, so "Praga Poludnie", "Praga-Południe" and "PRAGA–POŁUDNIE" must name the same region.

// Letters that carry no combining mark under NFD/NFKD, so stripping marks leaves them untouched.
const undecomposedLetters: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

// Returns the key two region names share when they mean the same place: case, diacritics,
// hyphens/dashes and runs of whitespace do not matter. Use it for matching, never for display.
export function regionNameKey(name: string): string {
  return (
    name
      // NFKD also folds compatibility forms (non-breaking space, full-width letters).
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[łđøßæœ]/g, (letter) => undecomposedLetters[letter] ?? letter)
      // Hyphen, en dash, em dash, minus sign and friends separate words just like a space does.
      .replace(/[\p{Pd}\u2212\s_]+/gu, ' ')
      .trim()
  );
}
