// The core journeys in WebKitGTK (Debian's MiniBrowser, through WebKitWebDriver and selenium-webdriver; needs a display: xvfb-run -a).
import { journeys } from './journeys.mjs';

journeys('WebKit');
