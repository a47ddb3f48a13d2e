import type { FormInstance } from 'antd';
import { useEffect } from 'react';

/**
 * Put inside a <Form> whose instance outlives it (a drawer's or modal's content): when the form's content
 * mounts, its values become the current initialValues, not what the previous opening left in the store.
 * (antd's `clearOnDestroy` does this too, but empties the store under React StrictMode's double effects.)
 */
export function ResetOnMount({ form }: { form: FormInstance }) {
  useEffect(() => {
    form.resetFields();
  }, [form]);
  return null;
}
