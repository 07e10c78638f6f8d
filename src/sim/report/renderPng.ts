import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';

// resvg maps generic `sans-serif` to Arial unless told otherwise; on Linux without Arial the chart
// stack then ends in DejaVu Sans (Debian's default), which is the family to fall back to.
const FALLBACK_FAMILY = 'DejaVu Sans';
/** Debian's DejaVu Sans, regular and bold: the faces the charts use. */
const FALLBACK_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/** Where resvg looks for system fonts on Linux. */
const SYSTEM_FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.fonts'),
  join(homedir(), '.local', 'share', 'fonts'),
];
const FONT_FILE = /\.(?:ttf|otf|ttc|otc)$/i;

/** Whether the fonts installed are DejaVu's alone (so the chart stack can only end in DejaVu Sans). */
function onlyDejaVuInstalled(): boolean {
  if (!FALLBACK_FILES.every((file) => existsSync(file))) return false;
  for (const dir of SYSTEM_FONT_DIRS) {
    let names: string[];
    try {
      names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    if (names.some((name) => FONT_FILE.test(name) && !basename(name).startsWith('DejaVu'))) return false;
  }
  return true;
}

let fonts: ResvgRenderOptions['font'] | undefined;

/**
 * The fonts a chart is drawn with, resolved once. resvg otherwise scans every system font for every
 * chart; where DejaVu's are the only fonts installed (servers, containers), loading just the two faces
 * the charts use draws the same pixels (their text needs no glyph from another face) and takes a third
 * off setting up each chart. With any other font around, the stack might pick it, so the system fonts
 * are loaded as before.
 */
function chartFonts(): NonNullable<ResvgRenderOptions['font']> {
  fonts ??= {
    ...(onlyDejaVuInstalled()
      ? { loadSystemFonts: false, fontFiles: FALLBACK_FILES }
      : { loadSystemFonts: true }),
    defaultFontFamily: FALLBACK_FAMILY,
    sansSerifFamily: FALLBACK_FAMILY,
  };
  return fonts;
}

/**
 * Rasterises an SVG to PNG at `scale` (2 = sharp on high-density screens), on white. The drawing runs
 * on libuv's thread pool, so charts render side by side and beside the main thread's work; the PNG is
 * encoded on the calling thread.
 */
export async function renderPng(svg: string, scale = 2): Promise<Buffer> {
  const image = await renderAsync(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: chartFonts(),
  });
  return image.asPng();
}
