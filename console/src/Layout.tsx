import { Anchor, AppShell, Box, Burger, Button, Group, Loader, NavLink, Select, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAccess } from './access';
import { useAuth } from './auth/AuthProvider';
import { useSwitchTenant } from './auth/useSwitchTenant';
import { ErrorAlert } from './components/ErrorAlert';
import { describeError } from './errors';

interface NavItem {
  to: string;
  label: string;
  show: boolean;
}

function Nav({ onNavigate }: { onNavigate: () => void }) {
  const { can, me, tenantId } = useAccess();
  const location = useLocation();
  const groups: { title: string; items: NavItem[] }[] = [
    {
      title: 'Tenant',
      items: [
        { to: '/', label: 'Overview', show: true },
        { to: '/members', label: 'Members and invitations', show: !!tenantId && can('members.read') },
        { to: '/roles', label: 'Roles', show: !!tenantId && can('roles.read') },
        { to: '/audit', label: 'Audit log', show: !!tenantId && can('audit.read') },
      ],
    },
    {
      title: 'Work',
      items: [
        { to: '/work/board', label: 'Board', show: !!tenantId && can('items.read') },
        { to: '/work/items', label: 'Items', show: !!tenantId && can('items.read') },
        { to: '/work/teams', label: 'Teams', show: !!tenantId && can('teams.read') },
        { to: '/work/tags', label: 'Tags', show: !!tenantId && can('items.read') },
        { to: '/work/analytics', label: 'Analytics', show: !!tenantId && can('items.read') },
      ],
    },
    {
      title: 'Email routing',
      items: [
        { to: '/routing/configs', label: 'Datasource configs', show: !!tenantId && can('routing.read') },
        { to: '/routing/datasources', label: 'Datasources', show: !!tenantId && can('routing.read') },
        { to: '/routing/intents', label: 'Intents and rules', show: !!tenantId && can('routing.read') },
        { to: '/routing/route', label: 'Route an email', show: !!tenantId && can('emails.route') },
        { to: '/routing/runs', label: 'Routing runs', show: !!tenantId && can('routing.read') },
      ],
    },
    {
      title: 'Platform',
      items: [{ to: '/admin/tenants', label: 'All tenants', show: !!me?.isPlatformAdmin }],
    },
  ];
  return (
    <div>
      {groups.map((group) => {
        const items = group.items.filter((i) => i.show);
        if (items.length === 0) return null;
        return (
          <Stack key={group.title} gap={2} mb="md">
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm">
              {group.title}
            </Text>
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.to === '/'}
                label={item.label}
                onClick={onNavigate}
                active={item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to)}
              />
            ))}
          </Stack>
        );
      })}
    </div>
  );
}

function TenantSelector() {
  const { me, tenantId } = useAccess();
  const switchTenant = useSwitchTenant();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const memberships = me?.memberships ?? [];
  if (memberships.length === 0) return null;
  return (
    <Select
      label="Tenant"
      size="xs"
      w={220}
      placeholder="Choose a tenant"
      data={memberships.map((m) => ({ value: m.tenant.id, label: `${m.tenant.name} (${m.role})` }))}
      value={tenantId}
      allowDeselect={false}
      disabled={busy}
      onChange={async (value) => {
        if (!value || value === tenantId) return;
        setBusy(true);
        try {
          await switchTenant(value);
          navigate('/');
        } catch (err) {
          const described = describeError(err);
          notifications.show({ color: 'red', title: 'Could not switch tenant', message: described.detail ?? described.message });
        } finally {
          setBusy(false);
        }
      }}
    />
  );
}

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { me, loading, error } = useAccess();
  const { manager } = useAuth();
  const navigate = useNavigate();

  async function signOut() {
    try {
      await manager.signOut();
    } catch {
      // The local session is gone either way; the server forgets it on expiry.
    }
    navigate('/signin', { replace: true });
  }

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4" component="span">
                Trellis
              </Title>
            </Anchor>
          </Group>
          <Group wrap="nowrap" gap="sm" align="flex-end">
            <TenantSelector />
            <Button component={Link} to="/tenants/new" variant="default" size="xs">
              Create tenant
            </Button>
            <Anchor href="/graphql" size="sm" visibleFrom="md">
              GraphiQL
            </Anchor>
            {me && (
              <Text size="sm" visibleFrom="sm" title={me.email}>
                <VisuallyHidden>Signed in as </VisuallyHidden>
                {me.name}
              </Text>
            )}
            <Button size="xs" variant="subtle" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <Nav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        {/* Without the account, the navigation and pages show less than the user may do. */}
        {!!error && (
          <Box mb="md">
            <ErrorAlert error={error} title="Could not load your account" />
          </Box>
        )}
        {loading ? <Loader aria-label="Loading" /> : <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}
