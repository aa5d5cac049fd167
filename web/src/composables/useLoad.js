// The loading state of a screen or tab: fetch() loads (and stores) its data; load() runs it with
// loading set meanwhile and the error text kept for LoadError (its retry calls load again).
import { ref } from 'vue';
import { errorText } from '../api/client.js';

export function useLoad(fetch) {
  const loading = ref(true);
  const error = ref('');
  async function load() {
    loading.value = true;
    error.value = '';
    try {
      await fetch();
    } catch (err) {
      error.value = errorText(err);
    } finally {
      loading.value = false;
    }
  }
  return { loading, error, load };
}

// A list loaded whole: fetchItems() returns its items.
export function useItems(fetchItems) {
  const items = ref([]);
  return { items, ...useLoad(async () => { items.value = await fetchItems(); }) };
}
