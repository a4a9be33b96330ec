import { Modal } from '@mantine/core';
import { NewRequestForm } from './NewRequestForm.js';
import { closeRequestForm, useRequestForm } from './request-form-store.js';

/** The new-request dialog, opened from anywhere with {@link openRequestForm}; mounted once in the frame. */
export function NewRequestModal() {
  const form = useRequestForm();
  return (
    <Modal opened={form.open} onClose={closeRequestForm} title="Ask the Keepers" size="lg" centered>
      {form.open && (
        <NewRequestForm
          key={`${form.context?.path}-${form.context?.step}`}
          context={form.context}
          initialTitle={form.title}
          onDone={closeRequestForm}
          onCancel={closeRequestForm}
        />
      )}
    </Modal>
  );
}
