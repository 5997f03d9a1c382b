// Re-runs an editable embed's scenario as the reader types (a lazily loaded component so a
// read-only embed does not carry it).

import { useAutoApply } from '../ui/hooks/usePlayback';

export default function AutoApply() {
  useAutoApply();
  return null;
}
