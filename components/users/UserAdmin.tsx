import { ScrollBox } from "@/components/ui/ScrollBox";
import { AddUserForm } from "./AddUserForm";
import { UserRow } from "./UserRow";

type User = { name: string; role: string; createdAt: string };

/** Accounts and roles, managed here as `deploylens users …` does: add, change role, reset password, remove. */
export function UserAdmin({ users, self }: { users: User[]; self: string }) {
  return (
    <div className="space-y-4">
      <ScrollBox label="Users">
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="user-table">
          <thead className="text-xs text-slate-600 uppercase">
            <tr>
              <th className="py-1">Name</th>
              <th>Role</th>
              <th>Password</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.name} user={user} self={user.name === self} />
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <AddUserForm />
    </div>
  );
}
