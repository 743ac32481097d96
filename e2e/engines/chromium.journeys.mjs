// The core journeys in Chromium (Debian's /usr/bin/chromium, through puppeteer-core).
import { journeys } from './journeys.mjs';

journeys('Chromium');
