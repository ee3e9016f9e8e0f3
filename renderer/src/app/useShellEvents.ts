/**
 * Everything that reaches the UI from outside a page: files dropped anywhere on the window,
 * files the Electron menu opened, and application-menu commands.
 */
import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseFiles, onFilesOpened, onMenuCommand, uploadFiles } from '../api/client';
import { useImportSession } from '../features/import/ImportSession';
import { navigate, routeOfMenuCommand } from './routes';
import { useErrorText } from './useErrorText';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function useShellEvents() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const { addFiles } = useImportSession();
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element; count them to know when the drag left the window.
  const depth = useRef(0);

  useEffect(() => {
    const stageAndShow = async (files: File[]) => {
      if (files.length === 0) return;
      navigate('import');
      const hide = message.loading(t('import.uploading'), 0);
      try {
        addFiles(await uploadFiles(files));
      } catch (error) {
        void message.error(errorText(error));
      } finally {
        hide();
      }
    };
    const onDragEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const onDragOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    // Without preventDefault a dropped file would replace the page (Electron blocks that navigation).
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      void stageAndShow(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [addFiles, errorText, message, t]);

  useEffect(
    () =>
      onFilesOpened((files) => {
        navigate('import');
        addFiles(files);
      }),
    [addFiles],
  );

  useEffect(
    () =>
      onMenuCommand((command) => {
        const route = routeOfMenuCommand(command);
        if (route) {
          navigate(route);
          return;
        }
        if (command === 'import') {
          navigate('import');
          chooseFiles()
            .then(addFiles)
            .catch((error: unknown) => void message.error(errorText(error)));
        }
        // 'backup' and anything else is the main process's own business.
      }),
    [addFiles, errorText, message],
  );

  return { dragging };
}
