import type { Locale } from '../errors.js';

/**
 * Server messages (errors and validation) in both languages. The keys are the error codes the API sends;
 * `{name}` placeholders are filled from the error's params.
 */
const zhCN = {
  'request.invalid': '提交的内容有误，请检查标红的字段',
  'request.malformed': '请求格式不正确',
  'request.too_large': '提交的内容过大',
  'request.unsupported_media_type': '不支持的内容类型',
  'request.not_found': '找不到该页面或接口',
  'request.rate_limited': '操作过于频繁，请稍后再试',
  'auth.required': '请先登录',
  'auth.invalid_credentials': '用户名或密码错误',
  'auth.throttled': '登录失败次数过多，请 15 分钟后再试',
  'auth.session_expired': '登录已过期，请重新登录',
  'auth.csrf': '页面已过期，请刷新后重试',
  'auth.store_not_allowed': '您没有该门店的权限',
  'auth.forbidden': '您没有执行此操作的权限',
  'record.not_found': '记录不存在或您无权查看',
  'record.duplicate': '已存在相同编码或名称的记录',
  'record.in_use': '该记录已被其他数据引用，不能删除',
  'record.reference_invalid': '引用的数据不存在或不属于当前门店',
  'record.stale': '记录已被他人修改，请刷新后重试',
  'user.cannot_disable_self': '不能停用自己的账号',
  'user.password_weak': '密码至少 8 位，且须包含字母和数字',
  'role.system_code': '系统角色的编码不能修改',
  'import.invalid_file': '无法读取该 Excel 文件，请使用导出的模板',
  'import.too_many_rows': '一次最多导入 {max} 行',
  'export.too_many_rows': '导出行数超过上限 {max}，请缩小筛选范围',
  'state.transition_not_allowed': '当前状态“{state}”不允许执行“{action}”',
  'state.guard_failed': '不满足执行“{action}”的条件',
  'server.unavailable': '服务暂时不可用，请稍后再试',
  'server.internal': '系统出错了，请稍后再试；如持续出现请联系管理员',
  'validation.required': '必填',
  'validation.type': '格式不正确',
  'validation.too_short': '至少 {min} 个字符',
  'validation.too_long': '最多 {max} 个字符',
  'validation.too_small': '不能小于 {min}',
  'validation.too_big': '不能大于 {max}',
  'validation.integer': '必须是整数',
  'validation.enum': '请选择有效的选项',
  'validation.unknown_key': '不允许的字段',
  'validation.uuid': '无效的编号',
  'validation.format': '格式不正确',
  'validation.phone': '请输入有效的 11 位手机号',
  'validation.plate': '车牌号格式不正确（例如 粤A12345 或 粤AD12345）',
  'validation.vin': 'VIN 不正确：须为 17 位，不含 I、O、Q，且第 9 位校验码正确',
  'validation.residentId': '身份证号不正确（18 位，校验位错误或出生日期无效）',
  'validation.creditCode': '统一社会信用代码不正确（18 位，校验位错误）',
  'validation.fen': '金额须为不小于 0 的整数分',
  'validation.signedFen': '金额须为整数分',
  'validation.money': '金额格式不正确',
  'validation.decimal': '请输入最多两位小数的数字',
  'validation.time': '时间格式应为 HH:mm',
  'validation.code': '编码只能包含字母、数字、- 和 _',
  'validation.permission_unknown': '未知的权限：{code}',
} as const;

export type MessageCode = keyof typeof zhCN;

const enUS: Record<MessageCode, string> = {
  'request.invalid': 'Some fields are not valid; please check the highlighted fields',
  'request.malformed': 'The request is malformed',
  'request.too_large': 'The request is too large',
  'request.unsupported_media_type': 'Unsupported content type',
  'request.not_found': 'No such page or API',
  'request.rate_limited': 'Too many requests; please try again shortly',
  'auth.required': 'Please sign in',
  'auth.invalid_credentials': 'Wrong username or password',
  'auth.throttled': 'Too many failed sign-ins; please try again in 15 minutes',
  'auth.session_expired': 'Your session has expired; please sign in again',
  'auth.csrf': 'This page has expired; please reload it and try again',
  'auth.store_not_allowed': 'You have no access to that store',
  'auth.forbidden': 'You are not allowed to do this',
  'record.not_found': 'The record does not exist or you may not see it',
  'record.duplicate': 'A record with the same code or name already exists',
  'record.in_use': 'This record is used by other data and cannot be deleted',
  'record.reference_invalid': 'A referenced record does not exist or belongs to another store',
  'record.stale': 'Someone else changed this record; please reload and try again',
  'user.cannot_disable_self': 'You cannot disable your own account',
  'user.password_weak': 'The password needs at least 8 characters with letters and digits',
  'role.system_code': 'The code of a built-in role cannot be changed',
  'import.invalid_file': 'This Excel file cannot be read; please start from an exported file',
  'import.too_many_rows': 'At most {max} rows can be imported at once',
  'export.too_many_rows': 'The export exceeds {max} rows; please narrow the filters',
  'state.transition_not_allowed': '"{action}" is not allowed in state "{state}"',
  'state.guard_failed': 'The conditions for "{action}" are not met',
  'server.unavailable': 'The service is temporarily unavailable; please try again shortly',
  'server.internal': 'Something went wrong; please try again, and tell your administrator if it persists',
  'validation.required': 'Required',
  'validation.type': 'Wrong format',
  'validation.too_short': 'At least {min} characters',
  'validation.too_long': 'At most {max} characters',
  'validation.too_small': 'Must be at least {min}',
  'validation.too_big': 'Must be at most {max}',
  'validation.integer': 'Must be a whole number',
  'validation.enum': 'Please choose a valid option',
  'validation.unknown_key': 'Field not allowed',
  'validation.uuid': 'Invalid id',
  'validation.format': 'Wrong format',
  'validation.phone': 'Enter a valid 11-digit mobile number',
  'validation.plate': 'Invalid licence plate (e.g. 粤A12345 or 粤AD12345)',
  'validation.vin': 'Invalid VIN: 17 characters, no I, O or Q, with a correct check digit at position 9',
  'validation.residentId': 'Invalid resident ID number (18 characters; wrong check character or birth date)',
  'validation.creditCode': 'Invalid unified social credit code (18 characters; wrong check character)',
  'validation.fen': 'The amount must be a whole number of fen, not negative',
  'validation.signedFen': 'The amount must be a whole number of fen',
  'validation.money': 'Invalid amount',
  'validation.decimal': 'Enter a number with at most two decimals',
  'validation.time': 'Time must look like HH:mm',
  'validation.code': 'Codes may contain letters, digits, - and _ only',
  'validation.permission_unknown': 'Unknown permission: {code}',
};

export const messages: Record<Locale, Record<MessageCode, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function isMessageCode(code: string): code is MessageCode {
  return code in zhCN;
}

export function translate(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const table = messages[locale];
  const template = isMessageCode(code) ? table[code] : code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}
