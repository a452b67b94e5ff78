import type { ComponentType } from 'react';
import { isFifoName, type ResourceKind, type ResourceOf } from '../../core/workspace/workspaceResources';
import { useResources } from '../../state/resourcesStore';
import { NameForm } from '../resources/NameForm';
import { QueueForm } from '../resources/QueueForm';
import { ResourceRegion } from '../resources/ResourceRegion';
import { TableForm } from '../resources/TableForm';
import '../resources/resources.css';

/** A contents view for one kind (a table's items, a bucket's objects, a queue's messages): it gets the kind's resources and shows what is in them. */
export type ResourceContentsView<K extends ResourceKind> = ComponentType<{ resources: readonly ResourceOf<K>[] }>;

/** The contents views the service integration mounts, by kind; a kind without one shows none. */
export type ResourceContents = { [K in ResourceKind]?: ResourceContentsView<K> };

const yesNo = (on: boolean | undefined): string => (on ? 'Yes' : 'No');
const keyText = (k: { name: string; type: string } | undefined): string => (k ? `${k.name} (${k.type})` : '—');
const kindOfName = (name: string): string => (isFifoName(name) ? 'FIFO' : 'Standard');

/**
 * The Resources view: the workspace's own DynamoDB tables, S3 buckets, SQS
 * queues and SNS topics, one region each. They live in this tab (no AWS
 * account), are saved with the workspace and carried by links and exports;
 * handlers reach them with the AWS SDK. `contents` fills each region's slot.
 */
export function ResourcesView({ contents = {} }: { contents?: ResourceContents }) {
  const resources = useResources((s) => s.resources);
  const { tables: Tables, buckets: Buckets, queues: Queues, topics: Topics } = contents;
  const add = useResources((s) => s.add);
  return (
    <div className="view-columns resources-view">
      <div className="view-column">
        <ResourceRegion
          kind="tables"
          title="DynamoDB tables"
          noun="table"
          about={
            <>
              Handlers reach them with the AWS SDK: <code>new DynamoDBClient({'{}'})</code> from <code>@aws-sdk/client-dynamodb</code> (or the document client of{' '}
              <code>@aws-sdk/lib-dynamodb</code>) and the table&apos;s name. They live in this tab, with no AWS account, and are saved with the workspace.
            </>
          }
          form={<TableForm />}
          resources={resources.tables}
          columns={[
            { header: 'Partition key', cell: (t) => keyText(t.partitionKey) },
            { header: 'Sort key', cell: (t) => keyText(t.sortKey) },
            { header: 'Stream', cell: (t) => yesNo(t.stream) },
          ]}
          contents={Tables && <Tables resources={resources.tables} />}
        />
        <ResourceRegion
          kind="buckets"
          title="S3 buckets"
          noun="bucket"
          about={
            <>
              Handlers reach them with the AWS SDK: <code>new S3Client({'{}'})</code> from <code>@aws-sdk/client-s3</code> and the bucket&apos;s name. They live in
              this tab, with no AWS account, and are saved with the workspace.
            </>
          }
          form={<NameForm label="Bucket name" button="Create bucket" placeholder="my-photos" create={(name) => add('buckets', { name })} />}
          resources={resources.buckets}
          columns={[]}
          contents={Buckets && <Buckets resources={resources.buckets} />}
        />
      </div>
      <div className="view-column">
        <ResourceRegion
          kind="queues"
          title="SQS queues"
          noun="queue"
          about={
            <>
              Handlers reach them with the AWS SDK: <code>new SQSClient({'{}'})</code> from <code>@aws-sdk/client-sqs</code> and the queue&apos;s URL. They live in this
              tab, with no AWS account, and are saved with the workspace.
            </>
          }
          form={<QueueForm />}
          resources={resources.queues}
          columns={[
            { header: 'Type', cell: (q) => kindOfName(q.name) },
            { header: 'Visibility timeout (s)', cell: (q) => q.visibilityTimeoutS ?? 30 },
            { header: 'Dead-letter queue', cell: (q) => (q.deadLetterQueue ? `${q.deadLetterQueue} after ${q.maxReceiveCount ?? '?'} receives` : '—') },
          ]}
          contents={Queues && <Queues resources={resources.queues} />}
        />
        <ResourceRegion
          kind="topics"
          title="SNS topics"
          noun="topic"
          about={
            <>
              Handlers reach them with the AWS SDK: <code>new SNSClient({'{}'})</code> from <code>@aws-sdk/client-sns</code> and the topic&apos;s ARN. They live in this
              tab, with no AWS account, and are saved with the workspace.
            </>
          }
          form={<NameForm label="Topic name" button="Create topic" placeholder="alerts or alerts.fifo" create={(name) => add('topics', { name })} />}
          resources={resources.topics}
          columns={[{ header: 'Type', cell: (t) => kindOfName(t.name) }]}
          contents={Topics && <Topics resources={resources.topics} />}
        />
      </div>
    </div>
  );
}

export default ResourcesView;
