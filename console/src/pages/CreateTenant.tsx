import { Button, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useClient } from 'urql';
import { useSwitchTenant } from '../auth/useSwitchTenant';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeError } from '../errors';
import { graphql } from '../gql';
import type { Plan } from '../gql/graphql';

export const CreateTenantDocument = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      tenant {
        id
        name
        slug
      }
    }
  }
`);

/** `Acme Corp.` → `acme-corp` */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function CreateTenantPage() {
  const client = useClient();
  const switchTenant = useSwitchTenant();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [plan, setPlan] = useState<Plan>('FREE');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = error ? describeError(error).fields : {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await client.mutation(CreateTenantDocument, { input: { name, slug, plan } }).toPromise();
      if (result.error) throw result.error;
      const tenant = result.data?.createTenant.tenant;
      // createTenant issues no token: act in the new tenant by switching to it.
      if (tenant) await switchTenant(tenant.id);
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Stack maw={520}>
      <Title order={1}>Create a tenant</Title>
      <Paper withBorder p="lg" component="form" onSubmit={submit} aria-label="New tenant">
        <Stack>
          <TextInput
            label="Name"
            required
            value={name}
            error={fields.name}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setName(value);
              if (!slugEdited) setSlug(slugify(value));
            }}
          />
          <TextInput
            label="Slug"
            description="3 to 63 characters: a-z, 0-9 and inner hyphens."
            required
            value={slug}
            error={fields.slug}
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.currentTarget.value);
            }}
          />
          <Select
            label="Plan"
            data={['FREE', 'PRO', 'ENTERPRISE']}
            value={plan}
            allowDeselect={false}
            error={fields.plan}
            onChange={(value) => value && setPlan(value as Plan)}
          />
          <ErrorAlert error={error} title="Could not create the tenant" />
          <Button type="submit" loading={busy}>
            Create tenant
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
