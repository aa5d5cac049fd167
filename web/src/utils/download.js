// Downloads a server file (an export, a bulletin) through fetch, so that a refusal shows the
// server's message in the UI language instead of saving an error document as a file.
import { getBlob, errorText } from '../api/client.js';
import { message } from './message.js';

export async function downloadFile(url, fallbackName) {
  try {
    const { blob, name } = await getBlob(url, fallbackName);
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10000);
  } catch (err) {
    message.error(errorText(err));
  }
}
