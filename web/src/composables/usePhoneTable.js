// Tables on a phone (below 768 px): a table scrolls sideways inside its own box, never the page,
// with the row's name (a project, a problem, a unit…) pinned on the left so each row stays
// readable while the other columns pass under it; the actions column is not pinned on a phone
// (pinned on the right it would cover half the table at 390 px). On a desktop nothing changes.
//
//   const { pin, pinWidth, actionsFixed } = usePhoneTable();
//   <el-table-column :label="项目名称" min-width="240" :fixed="pin" :width="pinWidth"> …
//   <el-table-column type="selection" :fixed="pin" />        stays first when the name is pinned
//   <el-table-column :label="操作" :fixed="actionsFixed"> …   pinned right on a desktop only
//
// Element Plus moves pinned columns to the left in their order; pinned cells wrap their text on
// a phone instead of cutting it (styles.css).
import { computed } from 'vue';
import { useIsPhone } from './useIsPhone.js';

// The pinned name column's width on a phone: about a third of a 390 px screen.
export const PHONE_PIN_WIDTH = 124;

export function usePhoneTable() {
  const isPhone = useIsPhone();
  return {
    isPhone,
    pin: computed(() => (isPhone.value ? 'left' : false)),
    pinWidth: computed(() => (isPhone.value ? PHONE_PIN_WIDTH : undefined)),
    actionsFixed: computed(() => (isPhone.value ? false : 'right')),
  };
}
