import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png';

// Draws the two icons Teams asks for and writes them beside this file. Run once (npm run
// teams:icons) and commit the PNGs: packaging only copies them, so nothing is drawn at run time.
//   color.png   192×192, full colour: a white speech bubble with a blue cross on the brand blue.
//   outline.png 32×32, white on transparent, as Teams requires for its monochrome surfaces.
//   public/favicon.ico 32×32, the colour icon, for the chat page's browser tab.

type Rgb = readonly [number, number, number];
const BRAND_BLUE: Rgb = [0x00, 0x52, 0x9b];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Shapes in a unit square (0..1), so one drawing serves both sizes. */
const inRoundedRect = (x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number) => {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
};
const inTriangle = (x: number, y: number, [ax, ay]: Rgb, [bx, by]: Rgb, [cx, cy]: Rgb) => {
  const sign = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = sign(x, y, ax, ay, bx, by);
  const d2 = sign(x, y, bx, by, cx, cy);
  const d3 = sign(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const inBubble = (x: number, y: number, inset = 0) =>
  inRoundedRect(x, y, 0.16 + inset, 0.2 + inset, 0.84 - inset, 0.7 - inset, 0.12) ||
  (inset === 0 && inTriangle(x, y, [0.3, 0.66, 0], [0.46, 0.66, 0], [0.26, 0.84, 0]));
const inCross = (x: number, y: number, arm = 0.17, half = 0.055) =>
  (Math.abs(x - 0.5) <= half && Math.abs(y - 0.45) <= arm) || (Math.abs(x - 0.5) <= arm && Math.abs(y - 0.45) <= half);

/** Renders with 4×4 supersampling so edges are smooth; `paint` returns a colour or undefined (clear). */
function render(size: number, paint: (x: number, y: number) => Rgb | undefined): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; covered += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) pixels.set([Math.round(r / covered), Math.round(g / covered), Math.round(b / covered), Math.round((covered / samples ** 2) * 255)], offset);
    }
  }
  return { width: size, height: size, pixels };
}

const colorPaint = (x: number, y: number) => (inBubble(x, y) && !inCross(x, y) ? WHITE : BRAND_BLUE);
export const colorIcon = (size = 192) => render(size, colorPaint);

/** An ICO file holding one PNG image (valid since Windows Vista and read by every browser). */
export function encodeIco(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6); // width (0 would mean 256)
  header.writeUInt8(size % 256, 7); // height
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // the image starts right after this header
  return Buffer.concat([header, png]);
}

// The outline keeps only white: a bubble drawn as a ring, and a smaller cross that stays clear of it.
const outlineIcon = () =>
  render(32, (x, y) => ((inBubble(x, y) && !inBubble(x, y, 0.07)) || inCross(x, y, 0.12, 0.045) ? WHITE : undefined));

if (require.main === module) {
  writeFileSync(join(__dirname, 'color.png'), encodePng(colorIcon()));
  writeFileSync(join(__dirname, 'outline.png'), encodePng(outlineIcon()));
  writeFileSync(join(__dirname, '..', '..', 'public', 'favicon.ico'), encodeIco(encodePng(colorIcon(32)), 32));
  console.log('Wrote packaging/teams/color.png (192×192), packaging/teams/outline.png (32×32) and public/favicon.ico (32×32).');
}
