/**
 * Who is who and where: the region tree (city → districts → townships → villages), the units that can be given work,
 * staff accounts with their role and place in the tree, and sign-in (password, second factor, API tokens). A
 * {@link dudao.directory.Jurisdiction} — the part of the tree a person may see — is what every module's queries take.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package dudao.directory;
