// True below 768 px (a phone, or a narrow window): the layout turns the navigation into a
// drawer and the shared CSS (styles.css) stacks forms; pages ask this only for what CSS cannot
// do (a table column pinned, a chart's height). One media query, shared by every caller.
import { ref } from 'vue';

export const PHONE_QUERY = '(max-width: 767px)';

const isPhone = ref(false);
let watching = false;

function watch() {
  if (watching || typeof window === 'undefined' || !window.matchMedia) return;
  watching = true;
  const mq = window.matchMedia(PHONE_QUERY);
  isPhone.value = mq.matches;
  mq.addEventListener('change', (e) => { isPhone.value = e.matches; });
}

export function useIsPhone() {
  watch();
  return isPhone;
}
