<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>studio</name>
    <message>
        <source>Editor and debugger for the Mapping DSL.</source>
        <translation>Éditeur et débogueur du Mapping DSL.</translation>
    </message>
    <message>
        <source>Mapping file to open.</source>
        <translation>Fichier de mapping à ouvrir.</translation>
    </message>
</context>
<context>
    <name>studio::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Mapping Studio</source>
        <translation>À &amp;propos de Mapping Studio</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>%1[*] — Mapping Studio</source>
        <translation>%1[*] — Mapping Studio</translation>
    </message>
    <message>
        <source>Line %1, Column %2</source>
        <translation>Ligne %1, colonne %2</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>Impossible d’ouvrir %1 :
%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Open Mapping</source>
        <translation>Ouvrir un mapping</translation>
    </message>
    <message>
        <source>Mappings (*.mdsl);;All files (*)</source>
        <translation>Mappings (*.mdsl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>About Mapping Studio</source>
        <translation>À propos de Mapping Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mapping Studio %1&lt;/h3&gt;&lt;p&gt;Editor and debugger for the Mapping DSL.&lt;/p&gt;&lt;p&gt;Engine %2, language versions 1 and 2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mapping Studio %1&lt;/h3&gt;&lt;p&gt;Éditeur et débogueur du Mapping DSL.&lt;/p&gt;&lt;p&gt;Moteur %2, versions 1 et 2 du langage.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
