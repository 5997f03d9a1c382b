// metav1.GetControllerOf: the owner reference marked as the object's controller. A loop,
// not Array.find with a closure: it runs on every pod write.

import type { ObjectMeta, OwnerReference } from './types';

export function getControllerOf(obj: { metadata: Pick<ObjectMeta, 'ownerReferences'> }): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (refs === undefined) return undefined;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    if (r !== undefined && r.controller) return r;
  }
  return undefined;
}
