// Site photos: shrinking in the browser before upload (≤ 1 MB, EXIF kept — utils/jpegExif.js)
// and the one line that says where and when a photo was taken.
import { exifSegment, withExif } from './jpegExif.js';
import { t } from '../i18n.js';

export const MAX_PHOTO_BYTES = 1024 * 1024;
const MAX_EDGE = 2560;

function toBlob(canvas, quality) {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

// A photo ready to upload: files that are no image, or images already ≤ 1 MB within 2560 px,
// are returned as they are; others are redrawn (upright, longest edge ≤ 2560 px) and
// re-encoded as JPEG with falling quality until ≤ 1 MB, carrying the original's EXIF.
export async function shrinkPhoto(file) {
  if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  if (file.size <= MAX_PHOTO_BYTES && Math.max(bitmap.width, bitmap.height) <= MAX_EDGE) {
    bitmap.close();
    return file;
  }
  const original = new Uint8Array(await file.arrayBuffer());
  const exif = exifSegment(original);
  let scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  let blob = null;
  for (let round = 0; round < 8; round++) {
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    for (const q of [0.85, 0.75, 0.65]) {
      blob = await toBlob(canvas, q);
      if (blob.size + (exif ? exif.length : 0) <= MAX_PHOTO_BYTES) break;
    }
    if (blob.size + (exif ? exif.length : 0) <= MAX_PHOTO_BYTES) break;
    scale *= 0.75;
  }
  bitmap.close();
  const bytes = withExif(new Uint8Array(await blob.arrayBuffer()), exif);
  const name = file.name.replace(/\.[^.]*$/, '') || 'photo';
  return new File([bytes], `${name}.jpg`, { type: 'image/jpeg', lastModified: file.lastModified });
}

function degrees(v, pos, neg) {
  return `${t(v >= 0 ? pos : neg)} ${Math.abs(v).toFixed(1)}°`;
}

// "拍摄于 2026-12-03 10:21 · 北纬 34.2° 东经 108.9°" (the parts the photo has), or ''.
export function photoPlace(a) {
  const parts = [];
  if (a.taken_at) parts.push(t('photo.takenAt', { time: a.taken_at.replace('T', ' ').slice(0, 16) }));
  if (a.latitude !== null && a.latitude !== undefined && a.longitude !== null && a.longitude !== undefined) {
    parts.push(`${degrees(a.latitude, 'photo.north', 'photo.south')} ${degrees(a.longitude, 'photo.east', 'photo.west')}`);
  }
  return parts.join(' · ');
}
