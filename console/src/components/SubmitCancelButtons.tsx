import { Button, Group } from '@mantine/core';

/** A form's submit button, busy while it saves, and Cancel beside it. */
export function SubmitCancelButtons({ submitLabel, saving, onCancel }: { submitLabel: string; saving: boolean; onCancel: () => void }) {
  return (
    <Group>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
      {/* Called without the click event, which a caller's optional argument would take for its own. */}
      <Button variant="default" onClick={() => onCancel()}>
        Cancel
      </Button>
    </Group>
  );
}
