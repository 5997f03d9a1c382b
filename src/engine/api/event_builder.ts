// The Event objects the components record (upstream: the event recorder's makeEvent).
// Names are `<object>.<hex>` like the recorder's; Events about the same object share one
// involvedObject reference and Events of one component one source (stored objects are
// never changed in place): the controller records one Event per pod it creates, all about
// its Job, and a 100,000-pod Job keeps them all.

import type { Job, KubeEvent, Pod } from './types';

export class EventBuilder {
  private seq = 0;
  private lastInvolved: KubeEvent['involvedObject'] | null = null;
  private readonly sources = new Map<string, KubeEvent['source']>();

  build(about: Job | Pod, type: 'Normal' | 'Warning', reason: string, message: string, component: string, now: string): KubeEvent {
    const ns = about.metadata.namespace ?? 'default';
    this.seq += 1;
    return {
      apiVersion: 'v1',
      kind: 'Event',
      // Every key the store sets is present (see ObjectStore.addFresh).
      metadata: { name: `${about.metadata.name ?? ''}.${(0x180000000 + this.seq).toString(16)}`, namespace: ns, uid: undefined, resourceVersion: undefined, creationTimestamp: undefined },
      involvedObject: this.involvedObject(about, ns),
      reason,
      message,
      type,
      source: this.source(component),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
  }

  private involvedObject(about: Job | Pod, ns: string): KubeEvent['involvedObject'] {
    const last = this.lastInvolved;
    const name = about.metadata.name ?? '';
    const uid = about.metadata.uid;
    if (last !== null && last.uid === uid && last.name === name && last.namespace === ns && last.kind === about.kind && last.apiVersion === about.apiVersion) return last;
    const ref = { kind: about.kind, namespace: ns, name, uid, apiVersion: about.apiVersion };
    this.lastInvolved = ref;
    return ref;
  }

  private source(component: string): KubeEvent['source'] {
    let s = this.sources.get(component);
    if (s === undefined) this.sources.set(component, (s = { component }));
    return s;
  }
}
