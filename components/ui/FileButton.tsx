import { useRef } from 'preact/hooks';
import { takeChosenFile } from './files';

interface Props {
  label: string;
  accept: string;
  testId: string;
  onFile: (file: { name: string; text: string }) => void;
}

/**
 * A button that opens the browser's file picker. The visible control is the button; the file input stays
 * out of the tab order and of the accessibility tree, there only for the picker.
 */
export function FileButton({ label, accept, testId, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        data-testid={testId}
        onChange={() => void (input.current && takeChosenFile(input.current).then((file) => file && onFile(file)))}
      />
      <button type="button" class="button button--quiet" onClick={() => input.current?.click()}>
        {label}
      </button>
    </>
  );
}
