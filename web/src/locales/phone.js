// Strings of the phone screens: the navigation drawer, site photos with their EXIF
// time and place, drafts kept on the device while offline, the installable app — merged into
// zh-CN.js and en.js.
export const zh = {
  'nav.menu': '菜单',
  'photo.take': '拍照',
  'photo.takeHint': '手机上可直接调用相机拍摄现场照片，照片自动压缩到 1 MB 以内，保留拍摄时间和位置',
  'photo.shrinking': '正在压缩照片…',
  'photo.takenAt': '拍摄于 {time}',
  'photo.north': '北纬',
  'photo.south': '南纬',
  'photo.east': '东经',
  'photo.west': '西经',
  'photo.noExif': '照片无拍摄时间和位置信息',
  'photo.failed': '照片处理失败：{msg}',
  'draft.local': '草稿已保存在本机，联网后自动保存',
  'draft.localSubmit': '草稿已保存在本机，联网后自动提交',
  'draft.offline': '当前网络不可用',
  'draft.syncing': '网络已恢复，正在提交本机草稿…',
  'draft.synced': '本机草稿已同步到服务器',
  'draft.restored': '已恢复本机未提交的草稿（{time}）',
  'draft.discard': '放弃本机草稿',
};

export const en = {
  'nav.menu': 'Menu',
  'photo.take': 'Take photo',
  'photo.takeHint': 'On a phone this opens the camera; photos are shrunk to 1 MB or less, keeping when and where they were taken',
  'photo.shrinking': 'Shrinking photos…',
  'photo.takenAt': 'Taken {time}',
  'photo.north': 'N',
  'photo.south': 'S',
  'photo.east': 'E',
  'photo.west': 'W',
  'photo.noExif': 'No time or place recorded in the photo',
  'photo.failed': 'Could not process the photo: {msg}',
  'draft.local': 'Draft kept on this device; it will be saved when back online',
  'draft.localSubmit': 'Draft kept on this device; it will be submitted when back online',
  'draft.offline': 'No network connection',
  'draft.syncing': 'Back online, sending the draft kept on this device…',
  'draft.synced': 'The draft kept on this device was sent to the server',
  'draft.restored': 'Restored the unsent draft kept on this device ({time})',
  'draft.discard': 'Discard the local draft',
};
