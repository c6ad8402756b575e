import { chromium, type Browser } from 'playwright-core';

// Debian's Chromium (apt-get install chromium); playwright-core downloads no browser. The flags
// keep it from reaching for the network, which this machine's closed network refuses.
export const chromiumPath = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}
