// Runs once before all test files. Storage templates are prepared here (see db test helpers).
export default async function setup(): Promise<void> {}
