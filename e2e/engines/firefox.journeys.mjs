// The core journeys in Firefox ESR (Debian's /usr/bin/firefox-esr, through puppeteer-core and WebDriver BiDi).
import { journeys } from './journeys.mjs';

journeys('Firefox');
