// The state of a server-paged list: items and total of the current page, page and page size,
// loading and the error text. fetchPage({ limit, offset }) asks the server for one page and
// returns { items, total } (it may load what the rows refer to before returning).
// load() reloads the current page, search() goes back to page 1 (new filters or page size).
import { ref } from 'vue';
import { useLoad } from './useLoad.js';

export function usePagedList(fetchPage, { size: pageSize = 20 } = {}) {
  const items = ref([]);
  const total = ref(0);
  const page = ref(1);
  const size = ref(pageSize);
  const { loading, error, load } = useLoad(async () => {
    const res = await fetchPage({ limit: size.value, offset: (page.value - 1) * size.value });
    items.value = res.items;
    total.value = res.total;
  });
  function search() {
    page.value = 1;
    return load();
  }
  return { items, total, page, size, loading, error, load, search };
}
