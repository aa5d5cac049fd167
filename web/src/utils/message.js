// ElMessage imported from its own module (importing from 'element-plus' pulls in every component).
import { ElMessage } from 'element-plus/es/components/message/index.mjs';
import 'element-plus/theme-chalk/el-message.css';

export const message = ElMessage;
